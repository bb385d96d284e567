package cn.govshare.org;

/** A department and the person responsible for its data sharing (R31). */
public record Department(String code, String name, String responsiblePerson, String responsibleUserId) {
}
