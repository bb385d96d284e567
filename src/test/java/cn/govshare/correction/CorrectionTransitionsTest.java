package cn.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.correction.CorrectionTransitions.Transition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 19: one transition table for corrections, and nothing else writes the status. */
class CorrectionTransitionsTest {

  static final Path PACKAGE = Path.of("src/main/java/cn/govshare/correction");

  @Test
  void eachStatusAndEventLeadsToOneStatusOnly() {
    Set<String> seen = new HashSet<>();
    for (Transition t : CorrectionTransitions.TABLE) {
      assertThat(seen.add(t.from() + "/" + t.event())).as(t.toString()).isTrue();
      assertThat(t.rule()).startsWith("R22");
    }
  }

  @Test
  void aDecidedCaseNeverMovesAgain() {
    for (CorrectionStatus done : EnumSet.of(CorrectionStatus.CORRECTED, CorrectionStatus.NO_ERROR,
        CorrectionStatus.CANCELLED)) {
      for (CorrectionEvent event : CorrectionEvent.values()) {
        assertThat(CorrectionTransitions.find(done, event)).as(done + " " + event).isEmpty();
      }
    }
  }

  @Test
  void everyStatusIsReachedAndEveryUnresolvedOneCanBeCancelled() {
    Set<CorrectionStatus> reached = EnumSet.noneOf(CorrectionStatus.class);
    CorrectionTransitions.TABLE.forEach(t -> reached.add(t.to()));
    assertThat(reached).containsExactlyInAnyOrder(CorrectionStatus.values());
    for (CorrectionStatus open : CorrectionStatus.UNRESOLVED) {
      assertThat(CorrectionTransitions.find(open, CorrectionEvent.CANCEL)).isPresent();
    }
    // R22: the provider cannot answer while its head decides an extension, nor ask twice at once
    assertThat(CorrectionTransitions.find(CorrectionStatus.AWAITING_HEAD, CorrectionEvent.CORRECT)).isEmpty();
    assertThat(CorrectionTransitions.find(CorrectionStatus.AWAITING_HEAD, CorrectionEvent.REQUEST_EXTENSION))
        .isEmpty();
  }

  @Test
  void onlyTheTransitionsWriteTheStatus() throws IOException {
    String xml = Files.readString(Path.of("src/main/resources/cn/govshare/correction/CorrectionMapper.xml"));
    assertThat(xml.split("SET status", -1)).as("one UPDATE sets the status").hasSize(2);
    List<Path> writers;
    try (Stream<Path> files = Files.list(PACKAGE)) {
      writers = files.filter(f -> read(f).matches("(?s).*mapper\\.(update|insert)\\(.*")).toList();
    }
    assertThat(writers).extracting(p -> p.getFileName().toString()).containsExactly("CorrectionTransitions.java");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
