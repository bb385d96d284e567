package cn.govshare.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses oversized request bodies on /api before anything reads them: 413 problem detail. */
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final ObjectMapper json;

  BodySizeLimitFilter(long maxBytes, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
          "请求体超过 " + maxBytes + " 字节", "body"));
      return;
    }
    chain.doFilter(request, response);
  }
}
