package cn.govshare.opendata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Checks an identity number for form only (issue 24; no register is asked): a citizen's 18-digit resident
 * identity number (GB 11643-1999, check digit ISO 7064 MOD 11-2, birth date a real day) or a company's unified
 * social credit code (GB 32100-2015, check character MOD 31).
 */
final class IdNumbers {

  private static final Pattern RESIDENT = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String RESIDENT_CHECK = "10X98765432";
  private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final Pattern CREDIT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private IdNumbers() {
  }

  /** What is wrong with a resident identity number, or null when its form is right. */
  static String residentIdProblem(String number) {
    if (number == null || !RESIDENT.matcher(number).matches()) {
      return "公民身份号码须为18位（前17位数字，末位数字或X）";
    }
    try {
      LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
          Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException e) {
      return "公民身份号码中的出生日期不是有效日期";
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
    }
    return RESIDENT_CHECK.charAt(sum % 11) == number.charAt(17) ? null : "公民身份号码校验码不正确";
  }

  /** What is wrong with a unified social credit code, or null when its form is right. */
  static String creditCodeProblem(String code) {
    if (code == null || !CREDIT.matcher(code).matches()) {
      return "统一社会信用代码须为18位数字或大写字母（不含 I、O、Z、S、V）";
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CREDIT_CHARS.charAt(check) == code.charAt(17) ? null : "统一社会信用代码校验码不正确";
  }
}
