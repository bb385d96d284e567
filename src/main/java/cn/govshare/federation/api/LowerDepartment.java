package cn.govshare.federation.api;

/** A department of the lower platform on whose behalf an application goes up: its code there and its name. */
public record LowerDepartment(String code, String name) {
}
