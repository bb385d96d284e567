package cn.govshare.opendata;

/**
 * The body of POST /api/public/accounts. The account id is {@code pub-<loginName>}; nothing in the body chooses a
 * group: every public account is in {@code public-applicants} and nothing else.
 */
record NewPublicAccount(String loginName, String password, String kind, String name, String idNumber, String email,
    String phone, String verifyBy) {
}
