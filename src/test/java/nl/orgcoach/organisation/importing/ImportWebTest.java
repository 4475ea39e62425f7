package nl.orgcoach.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.StructureCounts;
import nl.orgcoach.support.TestClients;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@AutoConfigureMockMvc
class ImportWebTest {

  @Autowired MockMvc mvc;
  @Autowired AccessAdministration admin;
  @Autowired nl.orgcoach.access.ApiTokens tokens;
  @Autowired StructureImport imports;
  @Autowired JdbcClient jdbc;

  ClientId client;
  UserAccount hr;

  @BeforeEach
  void clientWithHr() {
    client = TestClients.create(admin, "Web");
    hr = new TestUsers(admin, tokens).create(Role.HR, client);
  }

  String page(String url) throws Exception {
    return mvc.perform(get(url).with(user(hr)).locale(java.util.Locale.ENGLISH))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** Uploads through the form and follows the job until it has finished; answers the fragment. */
  String uploadAndWait(ImportKind kind, byte[] bytes) throws Exception {
    MvcResult posted =
        mvc.perform(
                multipart("/c/{c}/import", client)
                    .file(
                        new MockMultipartFile(
                            "file", kind.name().toLowerCase() + ".csv", "text/csv", bytes))
                    .param("kind", kind.name())
                    .with(user(hr))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String jobUrl = posted.getResponse().getRedirectedUrl();
    assertThat(jobUrl).startsWith("/c/" + client + "/import/jobs/");
    assertThat(page(jobUrl)).contains("data-testid=\"import-progress\"");
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      String fragment =
          mvc.perform(
                  get(jobUrl)
                      .with(user(hr))
                      .header("HX-Request", "true")
                      .locale(java.util.Locale.ENGLISH))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(fragment).doesNotContain("<html");
      if (fragment.contains("data-status=\"SUCCEEDED\"")
          || fragment.contains("data-status=\"FAILED\"")) {
        assertThat(fragment).doesNotContain("hx-trigger");
        return fragment;
      }
      assertThat(fragment).contains("hx-trigger=\"every 500ms\"");
      assertThat(System.currentTimeMillis()).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void theImportPageOffersTheFormHelpAndTemplates() throws Exception {
    String html = page("/c/" + client + "/import");
    assertThat(html)
        .contains(
            "data-testid=\"import-form\"",
            "data-testid=\"import-kind\"",
            "data-testid=\"import-file\"")
        .contains(
            "data-testid=\"import-submit\"",
            "/c/" + client + "/import/template/people",
            "manager_id");
    String template =
        mvc.perform(get("/c/{c}/import/template/people", client).with(user(hr)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(template).startsWith("person_id,first_name,last_name");
  }

  @Test
  void theTemplatesImportInOrder() throws Exception {
    var scope = admin.systemScope(client, "test");
    for (ImportKind kind : ImportKind.values()) {
      byte[] csv =
          mvc.perform(
                  get("/c/{c}/import/template/{k}", client, kind.name().toLowerCase())
                      .with(user(hr)))
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      assertThat(
              imports.importCsv(scope, kind, new ByteArrayInputStream(csv), "template").created())
          .isPositive();
    }
  }

  @Test
  void aGoodUploadRunsAsAJobAndShowsItsResult() throws Exception {
    String result =
        uploadAndWait(
            ImportKind.UNITS,
            CsvBuilder.units().row("U1", "Top", "", "").row("U2", "Zorg", "U1", "").bytes());
    assertThat(result)
        .contains(
            "data-testid=\"import-result\"",
            "data-testid=\"import-to-org\"",
            "/c/" + client + "/org");
    assertThat(result).containsPattern("data-testid=\"import-created\">2<");
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("unit", 2);
    assertThat(page("/c/" + client + "/import"))
        .contains("data-testid=\"import-jobs\"", "units.csv");
  }

  @Test
  void aBadUploadShowsEveryBadRowAndWritesNothing() throws Exception {
    String result =
        uploadAndWait(
            ImportKind.UNITS,
            CsvBuilder.units()
                .row("U1", "Top", "", "")
                .row("U2", "=HYPERLINK(\"http://x\",\"y\")", "U1", "")
                .row("U3", "Drie", "U9", "")
                .bytes());
    assertThat(result)
        .contains(
            "data-testid=\"import-errors\"",
            "data-line=\"3\"",
            "data-line=\"4\"",
            "spreadsheet formula",
            "U9")
        .doesNotContain("import-to-org");
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("unit", 0);
  }

  @Test
  void onlyAdminAndHrMayImport() throws Exception {
    UserAccount employee = new TestUsers(admin, tokens).create(Role.EMPLOYEE, client);
    mvc.perform(get("/c/{c}/import", client).with(user(employee)))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/c/{c}/import", client)
                .file(
                    new MockMultipartFile(
                        "file",
                        "u.csv",
                        "text/csv",
                        CsvBuilder.units().row("U1", "Top", "", "").bytes()))
                .param("kind", "UNITS")
                .with(user(employee))
                .with(csrf()))
        .andExpect(status().isForbidden());
    UserAccount otherHr =
        new TestUsers(admin, tokens).create(Role.HR, TestClients.create(admin, "Other"));
    mvc.perform(get("/c/{c}/import", client).with(user(otherHr))).andExpect(status().isNotFound());
    UserAccount adminUser = new TestUsers(admin, tokens).admin();
    mvc.perform(get("/c/{c}/import", client).with(user(adminUser))).andExpect(status().isOk());
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("unit", 0);
  }
}
