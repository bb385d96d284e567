package cn.govshare.trust;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The cases of a breach batch's process instances (issue 25): the directories of each instance's process first. */
class CaseAuditTest {

  private final Directory shares = new Directory("share-request", Set.of("shareRequest"));
  private final Directory corrections = new Directory("correction", Set.of("dataCorrection"));
  private final Directory catalogue = new Directory("catalog-item", Set.of());

  private CaseAudit audit() {
    Map<String, Object> beans = new LinkedHashMap<>();
    beans.put("shares", shares);
    beans.put("corrections", corrections);
    beans.put("catalogue", catalogue);
    return new CaseAudit(new StaticListableBeanFactory(beans).getBeanProvider(CaseDirectory.class), null, null, null);
  }

  @Test
  void aBatchOfCorrectionsIsLookedUpByTheCorrectionsAndTheUndeclaredDirectoryNotByEveryFeature() {
    corrections.knows("pi-1", "pi-2");

    Map<String, CaseRef> found = audit().casesOf(Map.of("pi-1", "dataCorrection", "pi-2", "dataCorrection"));

    assertThat(found).containsOnlyKeys("pi-1", "pi-2");
    assertThat(found.get("pi-1").type()).isEqualTo("correction");
    assertThat(shares.asked).isEmpty();
    assertThat(corrections.asked).containsExactly(Set.of("pi-1", "pi-2"));
  }

  @Test
  void anInstanceItsProcessDirectoryDoesNotKnowAndAProcessNoDirectoryNamesAreAskedOfEveryDirectory() {
    corrections.knows("pi-1");
    shares.knows("pi-3");
    catalogue.knows("pi-4");

    Map<String, CaseRef> found = audit().casesOf(Map.of("pi-1", "dataCorrection", "pi-3", "dataCorrection",
        "pi-4", "adminDeployed", "pi-5", ""));

    assertThat(found).containsOnlyKeys("pi-1", "pi-3", "pi-4");
    assertThat(found.get("pi-3").type()).isEqualTo("share-request");
    assertThat(found.get("pi-4").type()).isEqualTo("catalog-item");
    assertThat(shares.asked).containsExactly(Set.of("pi-3", "pi-4", "pi-5"));
  }

  @Test
  void withoutKeysEveryDirectoryIsAskedInOrderForWhatTheOnesBeforeDidNotFind() {
    shares.knows("pi-1");
    corrections.knows("pi-2");

    Map<String, CaseRef> found = audit().casesOf(List.of("pi-1", "pi-2", "pi-9"));

    assertThat(found).containsOnlyKeys("pi-1", "pi-2");
    assertThat(shares.asked).containsExactly(Set.of("pi-1", "pi-2", "pi-9"));
    assertThat(corrections.asked).containsExactly(Set.of("pi-2", "pi-9"));
    assertThat(catalogue.asked).containsExactly(Set.of("pi-9"));
  }

  private static final class Directory implements CaseDirectory {
    private final String type;
    private final Set<String> keys;
    private final Map<String, CaseRef> cases = new HashMap<>();
    final List<Set<String>> asked = new ArrayList<>();

    Directory(String type, Set<String> keys) {
      this.type = type;
      this.keys = keys;
    }

    void knows(String... instances) {
      for (String instance : instances) {
        cases.put(instance, new CaseRef(type, cases.size() + 1, null, Set.of("gaj")));
      }
    }

    @Override
    public Optional<CaseRef> byProcessInstance(String processInstanceId) {
      return byProcessInstances(List.of(processInstanceId)).values().stream().findFirst();
    }

    @Override
    public Map<String, CaseRef> byProcessInstances(Collection<String> processInstanceIds) {
      asked.add(Set.copyOf(processInstanceIds));
      Map<String, CaseRef> found = new HashMap<>();
      processInstanceIds.stream().filter(cases::containsKey).forEach(id -> found.put(id, cases.get(id)));
      return found;
    }

    @Override
    public Set<String> processKeys() {
      return keys;
    }
  }
}
