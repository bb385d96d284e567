package cn.govshare;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No cycle between {@code cn.govshare.*} packages (issue 19): a feature package may use lower ones
 * (org, web, clock, audit …) but never the other way round; what several packages share (keys, exceptions,
 * interfaces such as {@link CaseDirectory}) lives in the root package {@code cn.govshare}, which is no slice.
 */
class PackageCyclesTest {

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.govshare");
    slices().matching("cn.govshare.(*)..").should().beFreeOfCycles().check(classes);
  }
}
