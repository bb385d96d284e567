package cn.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govshare.policy.PolicyException;
import cn.govshare.policy.PolicyLoader;
import cn.govshare.policy.PolicyProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chains as the texts write them (issue 19 item 6), and the dispute status table (issue 19). */
class DisputeChainTest {

  static DisputeChain chain(String profile, DisputeKind kind) {
    return DisputeChain.of(PolicyLoader.load(profile), kind);
  }

  @Test
  void everyProfileNegotiatesFirstExceptAContestedRefusalUnderShaoyangAndHasABodyForRequests() {
    for (String profile : List.of("baseline", "jinan", "county", "hubei", "shaoyang", "nanchang", "national")) {
      for (DisputeKind kind : DisputeKind.values()) {
        DisputeChain chain = chain(profile, kind);
        assertThat(chain.negotiates()).as(profile + " " + kind)
            .isEqualTo(!(profile.equals("shaoyang") && kind == DisputeKind.REFUSAL_CONTESTED));
        if (kind != DisputeKind.DATA_CONFLICT) {
          assertThat(chain.afterNegotiation()).as(profile).isNotNull();
          assertThat(chain.filing()).as(profile).isNotNull();
        }
      }
    }
  }

  @Test
  void countyHasNoOfficeStepAndHubeiAndShaoyangNoDecidingBody() {
    assertThat(chain("county", DisputeKind.NOT_SHARED).coordination()).isNull();
    assertThat(chain("county", DisputeKind.NOT_SHARED).decision().body()).isEqualTo("县电子政务协调发展领导小组");
    assertThat(chain("hubei", DisputeKind.REFUSAL_CONTESTED).decision()).isNull();
    assertThat(chain("hubei", DisputeKind.REFUSAL_CONTESTED).negotiation().platformJoins()).isTrue();
    assertThat(chain("shaoyang", DisputeKind.NOT_SHARED).decision()).isNull();
    assertThat(chain("shaoyang", DisputeKind.NOT_SHARED).filing().citation()).endsWith("第二十一条第三项")
        .doesNotStartWith("未规定");
  }

  @Test
  void hubeiDataConflictsAreVerifiedByThePlatformUnitWithTheProvidersAndGoNoFurther() {
    DisputeChain chain = chain("hubei", DisputeKind.DATA_CONFLICT);
    assertThat(chain.negotiation().platformJoins()).isTrue();
    assertThat(chain.negotiation().citation()).endsWith("第十七条第三款");
    assertThat(chain.coordination()).isNull();
    assertThat(chain.decision()).isNull();
  }

  @Test
  void nanchangIsLabelledUnspecifiedAndNamesItsLeadingGroupFromArticle6() {
    DisputeChain chain = chain("nanchang", DisputeKind.NOT_SHARED);
    assertThat(chain.decision().body()).isEqualTo("南昌市大数据与数字经济发展领导小组");
    assertThat(chain.decision().citation()).startsWith("未规定, 采用基线").contains("第六条");
  }

  @Test
  void anUnknownKeyInTheDisputeBlockStopsStartUp() {
    PolicyProfile base = PolicyLoader.load("jinan");
    PolicyProfile broken = new PolicyProfile("broken", base.title(), base.regulation(), base.bodies(), base.limits(),
        Map.of(), Map.of(), "broken.yml", Map.of("negotiation", Map.of("step", "协商", "body", "双方", "article", "第一条"), "office", Map.of()));
    assertThatThrownBy(() -> DisputeChain.of(broken, DisputeKind.NOT_SHARED)).isInstanceOf(PolicyException.class)
        .hasMessageContaining("unknown key office");
  }

  @Test
  void theStatusTableRefusesWhatTheLawDoesNotAllow() {
    Dispute open = dispute(DisputeKind.NOT_SHARED, DisputeStatus.OPEN);
    assertThat(DisputeTransitions.find(open, DisputeTransitions.Event.AGREED_SHARE).to()).isEqualTo(DisputeStatus.SHARE);
    assertThatThrownBy(() -> DisputeTransitions.find(open, DisputeTransitions.Event.DECIDED_SHARE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DisputeTransitions.find(open, DisputeTransitions.Event.NO_FURTHER_STEP))
        .as("a request dispute always has a body after negotiation").isInstanceOf(IllegalStateException.class);
    Dispute conflict = dispute(DisputeKind.DATA_CONFLICT, DisputeStatus.COORDINATING);
    assertThatThrownBy(() -> DisputeTransitions.find(conflict, DisputeTransitions.Event.DECIDED_SHARE))
        .as("a data conflict is resolved, never shared").isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DisputeTransitions.find(conflict, DisputeTransitions.Event.TO_DECISION))
        .isInstanceOf(IllegalStateException.class);
    Dispute closed = dispute(DisputeKind.NOT_SHARED, DisputeStatus.SHARE);
    for (DisputeTransitions.Event event : DisputeTransitions.Event.values()) {
      assertThatThrownBy(() -> DisputeTransitions.find(closed, event)).isInstanceOf(IllegalStateException.class);
    }
  }

  private static Dispute dispute(DisputeKind kind, DisputeStatus status) {
    return new Dispute(1L, kind, 1L, "RK-003", null, "mzj", "gaj", "d", status, null, null, null, null, "pi", "u",
        Instant.parse("2025-10-09T02:00:00Z"), "baseline");
  }
}
