package cn.govshare.catalog;

import java.time.Instant;

/** R28 evidence: a catalogue entry published, changed or retired ({@code changeId} null: loaded without a record). */
record CatalogEvent(Long changeId, String resourceCode, String department, ChangeKind kind, Instant appliedAt) {
}
