package cn.govshare.sharing;

import java.time.Instant;

/**
 * The provider's answer period as the request records it (R13, national art. 21): when the request (or its
 * complete materials) reached the provider, the working days added by approved extensions, and how many
 * 一次性告知 notices were given (at most one).
 */
record AnswerPeriod(Instant receivedAt, int extensionDays, int incompleteNotices) {
}
