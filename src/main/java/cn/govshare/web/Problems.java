package cn.govshare.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds GovShare problem details with stable type URIs: {@code urn:govshare:problem:<slug>}. */
public final class Problems {

  private Problems() {
  }

  public static ProblemDetail of(HttpStatusCode status, String slug, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:govshare:problem:" + slug));
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }
}
