package cn.govshare.catalog;

import cn.govshare.ApiException;
import java.time.Instant;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a catalogue entry obeys before it is stored (R1-R5, R8, R9, R16). Each failure is a 400
 * naming the field and, where a regulation is behind it, the rule. Pure logic: no database.
 */
final class CatalogRules {

  static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
  static final int MAX_CODE = 32;
  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 2000;
  static final int MAX_ITEMS = 200;
  static final int MAX_SHARE_MODES = 10;
  /** gs_catalog_share_mode.health_url */
  static final int MAX_HEALTH_URL = 500;

  private CatalogRules() {
  }

  static String code(String code) {
    String value = text("code", code, MAX_CODE, true);
    if (!CODE.matcher(value).matches()) {
      throw ApiException.badRequest("code", "资源代码只能由大写字母、数字和连字符组成，例如 RK-001");
    }
    return value;
  }

  /** Checks the input and returns the entry it describes, as a DRAFT of the given version. */
  static CatalogResource entry(String code, ResourceInput in, int version, Instant at, String by) {
    String name = text("name", in.name(), MAX_NAME, true);
    Classification classification = required("classification", "R5", in.classification(), "资源分类（基础、主题、部门）");
    BasicKind basicKind = in.basicKind();
    if (classification == Classification.BASIC && basicKind == null) {
      throw ApiException.badRequest("basicKind", "R2",
          "基础信息资源须注明基础资源类别（人口、法人单位、自然资源和空间地理、社会信用、电子证照）（R2）");
    }
    if (classification != Classification.BASIC && basicKind != null) {
      throw ApiException.badRequest("basicKind", "R2", "只有基础信息资源可以注明基础资源类别（R2）");
    }
    String department = text("responsibleDepartment", in.responsibleDepartment(), 32, true);
    String format = text("format", in.format(), 100, true);
    UpdateCycle cycle = required("updateCycle", "R8", in.updateCycle(), "更新周期（实时、每日、每周、每月）");
    ShareType shareType = required("shareType", "R1", in.shareType(), "共享类型（无条件共享、有条件共享、不予共享）");
    String conditions = text("conditions", in.conditions(), MAX_TEXT, false);
    String legalBasis = text("legalBasis", in.legalBasis(), MAX_TEXT, false);
    String usage = text("usageRequirements", in.usageRequirements(), MAX_TEXT, false);
    String offline = text("offlineApplication", in.offlineApplication(), MAX_TEXT, false);
    boolean openToPublic = Boolean.TRUE.equals(in.openToPublic());
    boolean licensing = Boolean.TRUE.equals(in.licensingRelated());
    boolean controlled = Boolean.TRUE.equals(in.controlledParameters());

    List<ResourceItem> items = items(in.items(), shareType, classification);
    boolean anyConditional = shareType == ShareType.CONDITIONAL
        || items.stream().anyMatch(i -> i.shareType() == ShareType.CONDITIONAL);
    boolean anyRestricted = shareType != ShareType.UNCONDITIONAL
        || items.stream().anyMatch(i -> i.shareType() != ShareType.UNCONDITIONAL);
    // R1, jinan 4 / hubei 8(1): conditional sharing states its conditions and legal basis.
    if (anyConditional && conditions == null) {
      throw ApiException.badRequest("conditions", "R1", "有条件共享的资源须写明共享条件（R1）");
    }
    // R1: conditional and not-shared both cite 法律、行政法规、规章或政策依据.
    if (anyRestricted && legalBasis == null) {
      throw ApiException.badRequest("legalBasis", "R1",
          "有条件共享和不予共享的资源须写明法律、行政法规、规章或政策依据（R1）");
    }
    // R3, jinan 4: resources tied to administrative licensing or parallel approval are unconditional.
    if (licensing) {
      unconditional(shareType, items, "R3", "与行政许可或跨部门并联审批相关的资源须为无条件共享（R3）");
    }
    // R4, nanchang 8: what may be opened to the public is unconditional for departments.
    if (openToPublic) {
      unconditional(shareType, items, "R4", "可向社会开放的资源对政务部门须为无条件共享（R4）");
    }
    List<ShareMode> modes = shareModes(in.shareModes(), shareType);
    if (shareType != ShareType.NOT_SHARED && usage == null) {
      throw ApiException.badRequest("usageRequirements", "R5", "可共享的资源须写明使用要求（R5）");
    }
    return new CatalogResource(code, name, classification, basicKind, department, format, cycle, shareType,
        conditions, legalBasis, usage, openToPublic, licensing, controlled, offline, items, modes,
        ResourceStatus.DRAFT, version, at, by, false, null);
  }

  private static List<ResourceItem> items(List<ResourceInput.ItemInput> input, ShareType shareType,
      Classification classification) {
    if (input == null || input.isEmpty()) {
      throw ApiException.badRequest("items", "R5", "目录须列出信息项（R5）");
    }
    if (input.size() > MAX_ITEMS) {
      throw ApiException.badRequest("items", "信息项最多 " + MAX_ITEMS + " 个");
    }
    List<ResourceItem> items = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      ResourceInput.ItemInput item = input.get(i);
      String field = "items[" + i + "]";
      if (item == null) {
        throw ApiException.badRequest(field, "信息项不能为空");
      }
      String name = text(field + ".name", item.name(), MAX_NAME, true);
      if (!names.add(name)) {
        throw ApiException.badRequest(field + ".name", "信息项名称重复: " + name);
      }
      ShareType itemType = item.shareType() == null ? shareType : item.shareType();
      boolean basic = Boolean.TRUE.equals(item.basic());
      // R2, hubei 8(2) / shaoyang 19: the basic items of a basic resource are shared unconditionally.
      if (classification == Classification.BASIC && basic && itemType != ShareType.UNCONDITIONAL) {
        throw ApiException.badRequest(field + ".shareType", "R2",
            "基础信息资源的基础信息项须为无条件共享（R2）: " + name);
      }
      items.add(new ResourceItem(name, itemType, basic));
    }
    return items;
  }

  private static List<ShareMode> shareModes(List<ShareMode> input, ShareType shareType) {
    List<ShareMode> modes = input == null ? List.of() : input;
    if (modes.isEmpty() && shareType != ShareType.NOT_SHARED) {
      throw ApiException.badRequest("shareModes", "R9", "可共享的资源须注明共享方式（库表、文件或服务接口）（R9）");
    }
    if (modes.size() > MAX_SHARE_MODES) {
      throw ApiException.badRequest("shareModes", "共享方式最多 " + MAX_SHARE_MODES + " 种");
    }
    List<ShareMode> checked = new ArrayList<>();
    for (int i = 0; i < modes.size(); i++) {
      ShareMode mode = modes.get(i);
      String field = "shareModes[" + i + "]";
      if (mode == null) {
        throw ApiException.badRequest(field, "共享方式不能为空");
      }
      required(field + ".type", "R9", mode.type(), "共享方式（库表、文件、服务接口）");
      required(field + ".delivery", "R9", mode.delivery(), "提供方式（系统对接、前置机、在线查询、批量下载）");
      String description = text(field + ".interfaceDescription", mode.interfaceDescription(), MAX_TEXT, false);
      String callMethod = text(field + ".callMethod", mode.callMethod(), 1000, false);
      // R9, nanchang 12: a service interface comes with its description and call method.
      if (mode.type() == ShareModeType.SERVICE_API && description == null) {
        throw ApiException.badRequest(field + ".interfaceDescription", "R9", "服务接口方式须提供接口说明（R9）");
      }
      if (mode.type() == ShareModeType.SERVICE_API && callMethod == null) {
        throw ApiException.badRequest(field + ".callMethod", "R9", "服务接口方式须写明调用方式（R9）");
      }
      checked.add(new ShareMode(mode.type(), mode.delivery(), description, callMethod,
          healthUrl(field + ".healthUrl", mode)));
    }
    return checked;
  }

  /** R27: the optional URL the platform probes for availability; only a service API has one, http or https. */
  private static String healthUrl(String field, ShareMode mode) {
    String url = text(field, mode.healthUrl(), MAX_HEALTH_URL, false);
    if (url == null) {
      return null;
    }
    if (mode.type() != ShareModeType.SERVICE_API) {
      throw ApiException.badRequest(field, "R27", "只有服务接口方式可以填写健康检查地址（R27）");
    }
    try {
      URI uri = new URI(url);
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw ApiException.badRequest(field, "健康检查地址须为 http 或 https 地址");
      }
    } catch (URISyntaxException e) {
      throw ApiException.badRequest(field, "健康检查地址不是有效的 URL");
    }
    return url;
  }

  private static void unconditional(ShareType shareType, List<ResourceItem> items, String rule, String detail) {
    if (shareType != ShareType.UNCONDITIONAL) {
      throw ApiException.badRequest("shareType", rule, detail);
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).shareType() != ShareType.UNCONDITIONAL) {
        throw ApiException.badRequest("items[" + i + "].shareType", rule, detail);
      }
    }
  }

  private static <T> T required(String field, String rule, T value, String what) {
    if (value == null) {
      throw ApiException.badRequest(field, rule, "须填写" + what + "（" + rule + "）");
    }
    return value;
  }

  /** Stripped text, {@code null} when blank and optional; rejects control characters and broken Unicode. */
  static String text(String field, String value, int max, boolean required) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      if (required) {
        throw ApiException.badRequest(field, "字段 " + field + " 不能为空");
      }
      return null;
    }
    if (stripped.length() > max) {
      throw ApiException.badRequest(field, "字段 " + field + " 不能超过 " + max + " 个字符");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
      boolean brokenSurrogate = Character.isHighSurrogate(c)
          ? i + 1 >= stripped.length() || !Character.isLowSurrogate(stripped.charAt(++i))
          : Character.isLowSurrogate(c);
      if (control || brokenSurrogate) {
        throw ApiException.badRequest(field, "字段 " + field + " 含有无效字符");
      }
    }
    return stripped;
  }
}
