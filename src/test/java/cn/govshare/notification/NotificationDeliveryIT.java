package cn.govshare.notification;

/** The delivery tests against the real database (run by .ci/run with the mysql profile): claims, leases, two nodes. */
class NotificationDeliveryIT extends NotificationDeliveryTest {
}
