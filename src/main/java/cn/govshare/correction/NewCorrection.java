package cn.govshare.correction;

import java.util.List;

/** The body of POST /api/corrections; attachments travel base64-encoded. */
public record NewCorrection(String resourceCode, String recordLocator, String description, String evidence,
    List<Attachment> attachments) {

  public record Attachment(String fileName, String contentType, String base64) {
  }
}
