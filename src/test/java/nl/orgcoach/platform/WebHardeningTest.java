package nl.orgcoach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Headers, error answers and templates that keep the web UI hard to abuse. */
@IntegrationTest
@AutoConfigureMockMvc
class WebHardeningTest {

  @Autowired MockMvc mvc;

  @Test
  void pagesCarryAStrictContentSecurityPolicy() throws Exception {
    String csp =
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andReturn()
            .getResponse()
            .getHeader("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
    assertThat(csp.split(";")[1]).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
  }

  @Test
  void templatesHaveNoInlineScriptOrEventHandlers() throws IOException {
    Pattern inlineScript =
        Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern jsUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
    List<Path> templates;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      templates = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(templates).isNotEmpty();
    for (Path template : templates) {
      String html = Files.readString(template);
      assertThat(inlineScript.matcher(html).find()).as("inline <script> in %s", template).isFalse();
      assertThat(handler.matcher(html).find()).as("on*= handler in %s", template).isFalse();
      assertThat(jsUrl.matcher(html).find()).as("javascript: URL in %s", template).isFalse();
    }
  }

  @Test
  void stateChangingRequestsWithoutCsrfTokenAreRefused() throws Exception {
    mvc.perform(post("/login").param("email", "a@b.nl").param("password", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void unknownPagesAndApiPathsAnswerWithoutATrace() throws Exception {
    mvc.perform(get("/does-not-exist").header("Accept-Language", "nl"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/does-not-exist"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(content().string(not(containsString("Exception"))));
  }

  @Test
  void healthAndMetricsAreExposed() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("\"UP\"")));
    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")));
  }
}
