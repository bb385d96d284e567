package cn.govshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MapperXmlTest {

  @Test
  void mappersUseOnlyBoundParametersNeverStringSubstitution() throws IOException {
    List<Path> mappers;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
      mappers = files.filter(p -> p.toString().endsWith("Mapper.xml")).toList();
    }
    assertThat(mappers).isNotEmpty();
    for (Path mapper : mappers) {
      assertThat(Files.readString(mapper, StandardCharsets.UTF_8)).as(mapper.toString()).doesNotContain("${");
    }
  }
}
