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
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.platform.UserError;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Synchronous CSV import over the API: the answer is the result, or 422 with every bad row. */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/imports")
@Tag(name = "Import", description = "CSV import of the client system; format in docs/import-format.md")
@PreAuthorize("hasAnyRole('ADMIN','HR')")
class ImportApiController {

  private static final String KIND_DOC = "units, people, settings or interdependencies";

  private final ImportEngine engine;

  ImportApiController(ImportEngine engine) {
    this.engine = engine;
  }

  @Operation(
      summary = "Import a CSV file (multipart upload)",
      description =
          "All-or-nothing: either every row is valid and written, or nothing is written and the 422"
              + " problem details list every bad row in `errors` [{line, field, code, message}].")
  @ApiResponse(responseCode = "200", description = "Imported")
  @ApiResponse(
      responseCode = "422",
      description = "The file was refused; nothing was written",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ImportResult upload(
      @Parameter(hidden = true) ClientScope scope,
      @Parameter(description = KIND_DOC) @PathVariable String kind,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return engine.run(scope, ImportPagesController.kind(kind), in, file.getOriginalFilename());
    }
  }

  @Operation(
      summary = "Import a CSV file (raw text/csv body)",
      description = "The same as the multipart upload, for `curl --data-binary @people.csv -H 'Content-Type: text/csv'`.")
  @ApiResponse(responseCode = "200", description = "Imported")
  @ApiResponse(
      responseCode = "422",
      description = "The file was refused; nothing was written",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ImportResult raw(
      @Parameter(hidden = true) ClientScope scope,
      @Parameter(description = KIND_DOC) @PathVariable String kind,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
          HttpServletRequest request)
      throws IOException {
    if (request.getContentLengthLong() == 0) {
      throw new UserError("import.file.missing");
    }
    return engine.run(scope, ImportPagesController.kind(kind), request.getInputStream(), null);
  }
}
