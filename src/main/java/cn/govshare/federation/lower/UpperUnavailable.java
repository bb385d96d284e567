package cn.govshare.federation.lower;

/** The upper platform could not be reached, was too slow, or answered with an error: try again later. */
class UpperUnavailable extends Exception {

  UpperUnavailable(String message) {
    super(message);
  }
}
