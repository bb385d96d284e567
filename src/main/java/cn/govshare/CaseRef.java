package cn.govshare;

import java.util.Set;

/**
 * A case (share request, dispute, correction, catalogue change …) as GovShare's own records know it.
 * Found by its process instance, never by a process variable a user can write (STYLE: cases).
 *
 * @param type        the case type, e.g. {@code share-request}, {@code dispute}, {@code correction}
 * @param id          the case's row id in its own table
 * @param businessKey the business key shown to people (SR-20261127-000001 …), may be null
 * @param departments every department concerned (applicant, provider …): each may read the case's audit records
 */
public record CaseRef(String type, long id, String businessKey, Set<String> departments) {

  public CaseRef {
    departments = Set.copyOf(departments);
  }
}
