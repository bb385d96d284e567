package cn.govshare;

import java.util.Base64;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Files filed with a case (corrections, rectification answers), sent as Base64 in JSON and kept by the engine as
 * file variables the platform names (users cannot write them: the engine guard lets a task write only its form's
 * fields). Issue 18 class 7: names without paths or control characters, real media types, nothing cut; every
 * refusal names the field.
 */
public final class Attachments {

  public static final int MAX_COUNT = 5;
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  /** Attachment names and media types are kept by the engine; GovShare's own limits, well inside its columns. */
  static final int FILE_NAME_MAX = 200;
  static final int CONTENT_TYPE_MAX = 255;
  private static final String FORBIDDEN_IN_FILE_NAMES = "/\\:*?\"<>|";

  private Attachments() {
  }

  /** A case may hold at most {@link #MAX_COUNT} files; {@code field} names where the list is. */
  public static void checkCount(int count, String field) {
    if (count > MAX_COUNT) {
      throw ApiException.badRequest(field, "最多 " + MAX_COUNT + " 个附件");
    }
  }

  /** One file as sent; {@code prefix} is prepended to the field names (e.g. {@code attachments[0].}). */
  public static FileValue file(String fileName, String contentType, String base64, String prefix) {
    String name = fileName(fileName, prefix + "fileName");
    String type = contentType(contentType, prefix + "contentType");
    byte[] content;
    try {
      content = Base64.getDecoder().decode(StringUtils.defaultString(base64));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(prefix + "base64", "附件内容须为 Base64 编码");
    }
    if (content.length == 0 || content.length > MAX_BYTES) {
      throw ApiException.badRequest(prefix + "base64", "附件须为 1 字节至 2 MB");
    }
    return Variables.fileValue(name).file(content).mimeType(type).create();
  }

  static String fileName(String raw, String field) {
    if (StringUtils.isBlank(raw)) {
      throw ApiException.badRequest(field, "附件须有文件名");
    }
    String name = raw.strip();
    if (name.length() > FILE_NAME_MAX) {
      throw ApiException.badRequest(field, "文件名不能超过 " + FILE_NAME_MAX + " 个字符（现为 " + name.length() + " 个）");
    }
    if (StringUtils.containsAny(name, FORBIDDEN_IN_FILE_NAMES) || name.contains("..")) {
      throw ApiException.badRequest(field, "文件名只能是文件本身的名字，不能含路径、“..”或 " + FORBIDDEN_IN_FILE_NAMES);
    }
    if (name.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
      throw ApiException.badRequest(field, "文件名不能含控制字符");
    }
    return name;
  }

  static String contentType(String raw, String field) {
    if (StringUtils.isBlank(raw)) {
      return MediaType.APPLICATION_OCTET_STREAM_VALUE;
    }
    String type = raw.strip();
    if (type.length() > CONTENT_TYPE_MAX) {
      throw ApiException.badRequest(field, "文件类型不能超过 " + CONTENT_TYPE_MAX + " 个字符（现为 " + type.length() + " 个）");
    }
    try {
      MediaType parsed = MediaType.parseMediaType(type);
      if (parsed.isWildcardType() || parsed.isWildcardSubtype()) {
        throw ApiException.badRequest(field, "文件类型须为具体的媒体类型（如 application/pdf）: " + type);
      }
      return parsed.toString();
    } catch (InvalidMediaTypeException e) {
      throw ApiException.badRequest(field, "文件类型不是有效的媒体类型（如 application/pdf）: " + type);
    }
  }
}
