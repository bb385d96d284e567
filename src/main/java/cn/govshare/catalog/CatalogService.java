package cn.govshare.catalog;

import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: public read API for other features ({@link #find}), and creating and editing entries.
 * A DRAFT is edited in place; an edit of a PUBLISHED entry is kept as its pending revision until the
 * platform approved it and its effective date came (R7, see {@link CatalogChanges}).
 */
@Service
public class CatalogService {

  static final String OBJECT_TYPE = "CATALOG_RESOURCE";
  static final int MAX_PAGE_SIZE = 500;
  static final int MAX_OFFSET = 1_000_000;

  private final CatalogMapper mapper;
  private final DepartmentService departments;
  private final AuditTrail audit;
  private final Clock clock;
  private final ObjectProvider<OpenCorrections> corrections;
  private final CatalogCache cache;

  CatalogService(CatalogMapper mapper, DepartmentService departments, AuditTrail audit, Clock clock,
      ObjectProvider<OpenCorrections> corrections, CatalogCache cache) {
    this.cache = cache;
    this.mapper = mapper;
    this.departments = departments;
    this.audit = audit;
    this.clock = clock;
    this.corrections = corrections;
  }

  /** The entry as users see it (any status); empty when the code is unknown. */
  public Optional<CatalogResource> find(String code) {
    return code == null ? Optional.empty()
        : Optional.ofNullable(cache.get(code, c -> mapper.findResource(c, CatalogMapper.CURRENT)));
  }

  /** The published entry with that code, the only kind a department may request (R10, R11). */
  public Optional<CatalogResource> findPublished(String code) {
    return find(code).filter(CatalogResource::isPublished);
  }

  /** The open catalogue (开放目录, R4 and R25; nanchang 8, 19): published entries open to the public, by code. */
  public List<CatalogResource> openToPublic() {
    return mapper.findOpenCodes().stream().map(this::findPublished).flatMap(Optional::stream).toList();
  }

  /** R27: every published entry's service API with a health URL, for the availability probe. */
  public List<HealthCheck> healthChecks() {
    return mapper.findHealthChecks();
  }

  CatalogPage search(String dept, ShareType shareType, Classification classification, String text,
      ResourceStatus status, int page, int size, Caller caller) {
    if (page < 0) {
      throw ApiException.badRequest("page", "页码从 0 开始，不能为负数");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.badRequest("size", "每页条数须在 1 到 " + MAX_PAGE_SIZE + " 之间");
    }
    if ((long) page * size > MAX_OFFSET) {
      throw ApiException.badRequest("page", "页码过大");
    }
    String q = CatalogRules.text("q", text, CatalogRules.MAX_NAME, false);
    String pattern = q == null ? null : "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    ResourceQuery query = new ResourceQuery(dept, shareType, classification, pattern, status,
        caller.readsEverything() || caller.isPlatformOperator(), caller.groups(), page * size, size);
    return new CatalogPage(mapper.search(query), mapper.count(query), page, size);
  }

  CatalogView view(String code, Caller caller) {
    CatalogResource resource = visible(code, caller);
    CatalogChange change = mapper.latestChange(code);
    boolean scheduled = change != null && change.state() == ChangeState.SCHEDULED;
    CatalogResource pending = scheduled || CatalogAccess.seesDrafts(caller, resource.responsibleDepartment())
        ? mapper.findResource(code, CatalogMapper.PENDING) : null;
    List<OpenCorrection> open = corrections.orderedStream()
        .flatMap(c -> c.forResource(code).stream()).toList();
    return new CatalogView(resource, change, pending, open);
  }

  CatalogResource visible(String code, Caller caller) {
    CatalogResource resource = find(code).orElseThrow(() -> ApiException.notFound("目录不存在: " + code));
    if (resource.status() == ResourceStatus.DRAFT && !CatalogAccess.seesDrafts(caller, resource.responsibleDepartment())) {
      throw ApiException.notFound("目录不存在: " + code);
    }
    return resource;
  }

  @Transactional
  CatalogResource create(ResourceInput input, Caller caller) {
    authorise(input.responsibleDepartment(), caller);
    String code = CatalogRules.code(input.code());
    CatalogResource entry = CatalogRules.entry(code, input, 0, now(), caller.userId());
    if (mapper.countCodes(code) > 0) {
      throw ApiException.conflict("code", "资源代码已存在: " + code);
    }
    store(entry, CatalogMapper.CURRENT);
    audit.record(caller, "CATALOG_CREATE", OBJECT_TYPE, code, AuditTrail.OK,
        "新建目录草稿「" + entry.name() + "」", Set.of(entry.responsibleDepartment()));
    return entry;
  }

  /** Edits a DRAFT in place, or records the pending revision of a PUBLISHED entry. */
  @Transactional
  CatalogResource edit(String code, ResourceInput input, Caller caller) {
    CatalogResource current = find(code).orElseThrow(() -> ApiException.notFound("目录不存在: " + code));
    CatalogAccess.requireManage(caller, current.responsibleDepartment());
    if (current.upper()) {
      throw ApiException.conflict("code", "上级平台资源由目录同步维护，本级不能修改 (R24): " + code);
    }
    if (input.code() != null && !input.code().equals(code)) {
      throw ApiException.badRequest("code", "资源代码不能修改");
    }
    if (current.status() == ResourceStatus.RETIRED) {
      throw ApiException.conflict("code", "目录已删除，不能修改: " + code);
    }
    if (mapper.countOpenChanges(code) > 0) {
      throw ApiException.conflict("code", "目录有审核中或待生效的变更，暂不能修改: " + code);
    }
    authorise(input.responsibleDepartment(), caller);
    String revision = current.status() == ResourceStatus.DRAFT ? CatalogMapper.CURRENT : CatalogMapper.PENDING;
    CatalogResource entry = CatalogRules.entry(code, input, current.version(), now(), caller.userId());
    remove(code, revision);
    store(entry, revision);
    audit.record(caller, "CATALOG_EDIT", OBJECT_TYPE, code, AuditTrail.OK,
        (revision.equals(CatalogMapper.CURRENT) ? "修改目录草稿「" : "修改已发布目录，待审核「") + entry.name() + "」",
        Set.copyOf(List.of(current.responsibleDepartment(), entry.responsibleDepartment())));
    return entry;
  }

  private void authorise(String department, Caller caller) {
    String code = CatalogRules.text("responsibleDepartment", department, 32, true);
    if (departments.find(code).isEmpty()) {
      throw ApiException.badRequest("responsibleDepartment", "R5", "责任部门不存在（R5）: " + code);
    }
    CatalogAccess.requireManage(caller, code);
  }

  /**
   * R24, nanchang 14, hubei 18: an upper platform's resource as its published catalogue states it, kept as a
   * published entry of this catalogue (a withdrawn one as RETIRED); only the synchronisation writes it.
   */
  @Transactional
  public void mirrorUpper(CatalogResource entry, String by) {
    if (!entry.upper()) {
      throw new IllegalArgumentException("not an upper-level entry: " + entry.code());
    }
    CatalogResource current = find(entry.code()).orElse(null);
    if (current != null && !current.upper()) {
      throw new IllegalStateException("catalogue code " + entry.code() + " is a local entry");
    }
    remove(entry.code(), CatalogMapper.CURRENT);
    store(entry, CatalogMapper.CURRENT);
    audit.record(by, "CATALOG_UPPER_SYNC", OBJECT_TYPE, entry.code(), AuditTrail.OK,
        "同步上级平台目录「" + entry.name() + "」（" + entry.upperProvider() + "）：" + entry.status());
  }

  void store(CatalogResource entry, String revision) {
    mapper.insertResource(entry, revision);
    if (!entry.items().isEmpty()) {
      mapper.insertItems(entry.code(), revision, entry.items());
    }
    if (!entry.shareModes().isEmpty()) {
      mapper.insertShareModes(entry.code(), revision, entry.shareModes());
    }
  }

  void remove(String code, String revision) {
    mapper.deleteItems(code, revision);
    mapper.deleteShareModes(code, revision);
    mapper.deleteResource(code, revision);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
