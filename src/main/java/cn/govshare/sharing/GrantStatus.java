package cn.govshare.sharing;

/** R21: a provider may suspend or terminate a grant; a grant past its date has expired. */
public enum GrantStatus {
  ACTIVE, SUSPENDED, TERMINATED, EXPIRED
}
