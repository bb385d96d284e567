package cn.govshare.catalog;

import java.util.Set;

/**
 * Listing filters; {@code draftDepartments} are the departments whose drafts the caller may see,
 * {@code allDrafts} when the caller reads everything.
 */
record ResourceQuery(String dept, ShareType shareType, Classification classification, String namePattern,
    ResourceStatus status, boolean allDrafts, Set<String> draftDepartments, int offset, int limit) {
}
