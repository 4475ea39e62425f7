package nl.orgcoach.organisation.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.OrganisationRoles;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import pages: upload a file, watch its job (htmx polls the progress fragment), see the result
 * or the bad rows. Only admins and HR import.
 */
@Controller
@RequestMapping("/c/{clientId}/import")
@PreAuthorize(OrganisationRoles.IMPORTERS)
class ImportPagesController {

  private final ImportJobs jobs;
  private final Clients clients;
  private final MessageSource messages;

  ImportPagesController(ImportJobs jobs, Clients clients, MessageSource messages) {
    this.jobs = jobs;
    this.clients = clients;
    this.messages = messages;
  }

  /** A column of a kind's file, for the format help. */
  public record ColumnHelp(String name, boolean required) {}

  @GetMapping
  public String form(ClientScope scope, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("kinds", ImportKind.values());
    Map<ImportKind, List<ColumnHelp>> columns = new LinkedHashMap<>();
    for (ImportKind kind : ImportKind.values()) {
      columns.put(
          kind,
          Columns.of(kind).stream().map(c -> new ColumnHelp(c.name(), c.required())).toList());
    }
    model.addAttribute("columns", columns);
    model.addAttribute("jobs", jobs.recent(scope, 10));
    return "organisation/import";
  }

  @GetMapping("/template/{kind}")
  public ResponseEntity<byte[]> template(ClientScope scope, @PathVariable String kind) {
    ImportKind k = kind(kind);
    String name = k.name().toLowerCase(Locale.ROOT) + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(Columns.template(k).getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping
  public String upload(
      ClientScope scope,
      @RequestParam ImportKind kind,
      @RequestParam(required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new UserError("import.file.missing");
    }
    UUID job = jobs.start(scope, kind, file.getBytes(), file.getOriginalFilename());
    return "redirect:/c/" + scope.id() + "/import/jobs/" + job;
  }

  @GetMapping("/jobs/{jobId}")
  public String job(
      ClientScope scope,
      @PathVariable UUID jobId,
      Model model,
      HttpServletRequest request,
      Locale locale) {
    ImportJobs.Job job = jobs.get(scope, jobId);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("job", job);
    model.addAttribute("problems", problems(job, locale));
    model.addAttribute("error", error(job, locale));
    boolean htmx = "true".equals(request.getHeader("HX-Request"));
    return htmx ? "organisation/import-job :: progress" : "organisation/import-job";
  }

  static ImportKind kind(String value) {
    try {
      return ImportKind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("import kind");
    }
  }

  /** A bad row as the page shows it: localised now, in the reader's language. */
  public record ProblemView(Integer line, String field, String message) {}

  private List<ProblemView> problems(ImportJobs.Job job, Locale locale) {
    List<ProblemView> list = new ArrayList<>();
    if (job.outcome() != null && job.outcome().problems() != null) {
      for (ImportJobs.StoredProblem p : job.outcome().problems()) {
        String text = messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
        list.add(new ProblemView(p.line(), p.field(), text));
      }
    }
    return list;
  }

  private String error(ImportJobs.Job job, Locale locale) {
    if (job.outcome() == null || job.outcome().error() == null) {
      return null;
    }
    return messages.getMessage(
        job.outcome().error(), job.outcome().args().toArray(), job.outcome().error(), locale);
  }
}
