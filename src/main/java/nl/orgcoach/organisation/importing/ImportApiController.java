package nl.orgcoach.organisation.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.OrganisationRoles;
import nl.orgcoach.platform.UserError;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Synchronous CSV import over the API: the answer is the result, or 422 with every bad row. */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/imports")
@Tag(
    name = "Import",
    description = "CSV import of the client system; format in docs/import-format.md")
@PreAuthorize(OrganisationRoles.IMPORTERS)
class ImportApiController {

  private static final String KIND_DOC = "units, people, settings or interdependencies";

  private final ImportEngine engine;

  ImportApiController(ImportEngine engine) {
    this.engine = engine;
  }

  /** For the OpenAPI description of the multipart form. */
  record Upload(
      @Schema(type = "string", format = "binary", description = "the CSV file") String file) {}

  @Operation(
      summary = "Import a CSV file",
      description =
          "Send the file as a multipart form field `file`, or as the raw request body with"
              + " `Content-Type: text/csv`. All-or-nothing: either every row is valid and written, or"
              + " nothing is written and the 422 problem details list every bad row in `errors`"
              + " [{line, field, code, message}]. The format is described in docs/import-format.md.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = Upload.class)),
                @Content(
                    mediaType = "text/csv",
                    schema = @Schema(type = "string", format = "binary"))
              }))
  @ApiResponse(responseCode = "200", description = "Imported")
  @ApiResponse(
      responseCode = "422",
      description = "The file was refused; nothing was written",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(
      path = "/{kind}",
      consumes = {
        MediaType.MULTIPART_FORM_DATA_VALUE,
        "text/csv",
        MediaType.TEXT_PLAIN_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE
      })
  public ImportResult importCsv(
      @Parameter(hidden = true) ClientScope scope,
      @Parameter(description = KIND_DOC) @PathVariable String kind,
      @Parameter(hidden = true) @RequestParam(name = "file", required = false) MultipartFile file,
      @Parameter(hidden = true) HttpServletRequest request)
      throws IOException {
    ImportKind k = ImportPagesController.kind(kind);
    if (file != null) {
      try (InputStream in = file.getInputStream()) {
        return engine.run(scope, k, in, file.getOriginalFilename());
      }
    }
    if (request.getContentType() != null
        && request.getContentType().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
      throw new UserError("import.file.missing");
    }
    try (InputStream in = request.getInputStream()) {
      return engine.run(scope, k, in, null);
    }
  }
}
