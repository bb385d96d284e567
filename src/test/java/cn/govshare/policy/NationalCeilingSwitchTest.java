package cn.govshare.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import cn.govshare.audit.AuditTrail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** SPEC §8: switching the national ceiling off is deliberate — audited at start-up, visible in health and the API. */
class NationalCeilingSwitchTest {

  @Test
  void switchedOffItIsAuditedShownInHealthAndOnTheApi() {
    ActivePolicy policy = new ActivePolicy("shaoyang", false, null);
    AuditTrail audit = mock(AuditTrail.class);
    new PolicyStartupAudit(policy, audit).started();
    verify(audit).record(eq("system"), eq(PolicyStartupAudit.ACTION_CEILING_OFF), eq("POLICY"), eq("shaoyang"),
        eq(AuditTrail.OK), contains("national-ceiling=false"));

    Health health = new PolicyHealthIndicator(policy).health();
    assertThat(health.getStatus()).isEqualTo(new Status("DEGRADED"));
    assertThat(health.getDetails()).containsEntry("nationalCeiling", false).containsEntry("profile", "shaoyang");

    Map<String, Object> view = new PolicyController(policy).active(null);
    assertThat(view).containsEntry("nationalCeiling", false);
    assertThat(((Map<?, ?>) view.get("limits")).get("R22-EXT")).extracting("amount").isEqualTo(15);
  }

  @Test
  void onByDefaultItIsAuditedAsInForceAndHealthIsUp() {
    ActivePolicy policy = new ActivePolicy("shaoyang");
    AuditTrail audit = mock(AuditTrail.class);
    new PolicyStartupAudit(policy, audit).started();
    verify(audit).record(eq("system"), eq(PolicyStartupAudit.ACTION), eq("POLICY"), eq("shaoyang"), eq(AuditTrail.OK),
        anyString());
    assertThat(new PolicyHealthIndicator(policy).health().getStatus()).isEqualTo(Status.UP);
    assertThat(((Map<?, ?>) new PolicyController(policy).active(null).get("limits")).get("R22-EXT"))
        .extracting("amount").isEqualTo(5);
  }
}
