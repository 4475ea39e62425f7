package nl.orgcoach.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.StructureCounts;
import nl.orgcoach.support.TestClients;
import nl.orgcoach.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class ImportApiTest {

  @Autowired MockMvc mvc;
  @Autowired AccessAdministration admin;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;

  ClientId client;
  String bearer;

  @BeforeEach
  void hrWithToken() {
    client = TestClients.create(admin, "Api");
    UserAccount hr = new TestUsers(admin, tokens).create(Role.HR, client);
    bearer = "Bearer " + tokens.create(hr, client, "import test", 1).secret();
  }

  @Test
  void importsAMultipartUpload() throws Exception {
    byte[] csv = CsvBuilder.units().row("U1", "Top", "", "").row("U2", "Zorg", "U1", "").bytes();
    mvc.perform(
            multipart("/api/v1/clients/{c}/imports/units", client)
                .file(new MockMultipartFile("file", "units.csv", "text/csv", csv))
                .header("Authorization", bearer))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind").value("UNITS"))
        .andExpect(jsonPath("$.rows").value(2))
        .andExpect(jsonPath("$.created").value(2))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.unchanged").value(0));
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("unit", 2);
  }

  @Test
  void importsARawCsvBodyAndUpdatesOnReimport() throws Exception {
    byte[] csv = CsvBuilder.units().semicolon().row("U1", "Top", "", "").bytes();
    mvc.perform(
            post("/api/v1/clients/{c}/imports/UNITS", client)
                .header("Authorization", bearer)
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(1));
    byte[] renamed = CsvBuilder.units().semicolon().row("U1", "Top BV", "", "").bytes();
    mvc.perform(
            post("/api/v1/clients/{c}/imports/units", client)
                .header("Authorization", bearer)
                .contentType("text/csv")
                .content(renamed))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.updated").value(1));
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("unit", 1);
  }

  @Test
  void refusesABadFileWithProblemDetails() throws Exception {
    byte[] csv =
        CsvBuilder.people()
            .row("P1", "Anna", "de Vries", "anna(at)example.nl", "", "U404", "")
            .row("P1", "Bram", "Bakker", "", "", "U404", "")
            .bytes();
    mvc.perform(
            post("/api/v1/clients/{c}/imports/people", client)
                .header("Authorization", bearer)
                .header("Accept-Language", "nl")
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("niet geïmporteerd")))
        .andExpect(jsonPath("$.errors.length()").value(4))
        .andExpect(jsonPath("$.errors[0].line").value(2))
        .andExpect(jsonPath("$.errors[0].field").value("email"))
        .andExpect(jsonPath("$.errors[0].code").value("import.email.invalid"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(Matchers.containsString("geen geldig e-mailadres")))
        .andExpect(jsonPath("$.errors[3].line").value(3))
        .andExpect(jsonPath("$.errors[3].code").value("import.id.duplicate"))
        .andExpect(jsonPath("$.trace").doesNotExist());
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("person", 0);
  }

  @Test
  void refusesGarbageWithoutAStackTrace() throws Exception {
    byte[] garbage = new byte[1024 * 1024];
    new java.util.Random(1).nextBytes(garbage);
    String body =
        mvc.perform(
                post("/api/v1/clients/{c}/imports/units", client)
                    .header("Authorization", bearer)
                    .contentType("text/csv")
                    .content(garbage))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].code").value("import.file.encoding"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("Exception", "at nl.orgcoach");
  }

  @Test
  void onlyAdminAndHrMayImportAndTokensStayInTheirClient() throws Exception {
    UserAccount employee = new TestUsers(admin, tokens).create(Role.EMPLOYEE, client);
    String employeeBearer = "Bearer " + tokens.create(employee, client, "employee", 1).secret();
    byte[] csv = CsvBuilder.units().row("U1", "Top", "", "").bytes();
    mvc.perform(
            post("/api/v1/clients/{c}/imports/units", client)
                .header("Authorization", employeeBearer)
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isForbidden());
    ClientId other = TestClients.create(admin, "Api other");
    mvc.perform(
            post("/api/v1/clients/{c}/imports/units", other)
                .header("Authorization", bearer)
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/clients/{c}/imports/units", client).contentType("text/csv").content(csv))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/clients/{c}/imports/nonsense", client)
                .header("Authorization", bearer)
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isNotFound());
    assertThat(StructureCounts.of(jdbc, client.value())).containsEntry("unit", 0);
    assertThat(StructureCounts.of(jdbc, other.value())).containsEntry("unit", 0);
  }

  @Test
  void isDescribedInTheOpenApiDocument() throws Exception {
    String doc =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(doc)
        .contains(
            "/api/v1/clients/{clientId}/imports/{kind}",
            "\"Import\"",
            "text/csv",
            "multipart/form-data");
  }
}
