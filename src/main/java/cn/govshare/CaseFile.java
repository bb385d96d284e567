package cn.govshare;

import java.time.Instant;
import java.util.List;

/**
 * What a decision step shows above its form (issue 20): the case, its parties, every earlier opinion and the
 * attachments, read from GovShare's own rows (never from process variables a user can write).
 *
 * @param title       what the case is, e.g. 共享申请
 * @param businessKey the case number people quote
 * @param resource    the resource the case is about, as people read it (name and code)
 * @param requester   the department that started the case (the applicant, the reporter …)
 * @param facts       the request as filed (resource, fields, purpose …), in reading order
 * @param parties     the departments concerned, by role
 * @param opinions    every earlier act with its opinion, oldest first
 * @param attachments files filed with the case (variables the platform set when the case started)
 */
public record CaseFile(String title, String businessKey, String resource, String requester, List<Fact> facts, List<Party> parties,
    List<Opinion> opinions, List<Attachment> attachments) {

  public CaseFile {
    facts = List.copyOf(facts);
    parties = List.copyOf(parties);
    opinions = List.copyOf(opinions);
    attachments = List.copyOf(attachments);
  }

  /** One line of the request: label and value, both as people read them. */
  public record Fact(String label, String value) {
  }

  /** A department concerned: its role (申请部门, 提供部门 …), its code and, once resolved, its name. */
  public record Party(String role, String department, String name) {
  }

  /** One earlier act: the step, who, which department, when, the outcome and the opinion written. */
  public record Opinion(String step, String actor, String department, Instant at, String outcome, String comment) {
  }

  /** A file of the case: its variable name (for the download through the task), file name and media type. */
  public record Attachment(String variable, String fileName, String mediaType) {
  }
}
