package cn.govshare.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

  @Test
  void publishedSampleResidentIdPassesAndAnyChangedCharacterFails() {
    // the sample number of GB 11643-1999 (check digit X)
    assertThat(IdNumbers.residentIdProblem("11010519491231002X")).isNull();
    assertThat(IdNumbers.residentIdProblem("110105194912310021")).contains("校验码");
    assertThat(IdNumbers.residentIdProblem("11010519491231002x")).contains("18位");
    assertThat(IdNumbers.residentIdProblem("11010519490231002X")).contains("出生日期");
    assertThat(IdNumbers.residentIdProblem("1101051949123100")).contains("18位");
  }

  @Test
  void publishedSampleCreditCodePassesAndAWrongCheckCharacterOrLetterFails() {
    // a code as printed on a business licence (GB 32100-2015, check character MOD 31)
    assertThat(IdNumbers.creditCodeProblem("91350100M000100Y43")).isNull();
    assertThat(IdNumbers.creditCodeProblem("91350100M000100Y44")).contains("校验码");
    // I, O, Z, S, V are not used
    assertThat(IdNumbers.creditCodeProblem("91350100M000100I43")).contains("不含");
    assertThat(IdNumbers.creditCodeProblem("9135010")).contains("18位");
  }
}
