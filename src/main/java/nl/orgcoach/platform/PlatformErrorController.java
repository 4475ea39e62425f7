package nl.orgcoach.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen outside a controller (a filter, a missing page, the servlet container) end up
 * here. Same answers as {@link ErrorHandling}: problem details under /api, a page otherwise; never
 * an exception's message or stack trace.
 */
@Controller
class PlatformErrorController implements ErrorController {

  private final MessageSource messages;

  PlatformErrorController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping("/error")
  Object error(HttpServletRequest request, Locale locale) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String key =
        switch (status) {
          case NOT_FOUND -> "error.notFound";
          case FORBIDDEN -> "error.forbidden";
          case UNAUTHORIZED -> "error.unauthorized";
          case BAD_REQUEST, METHOD_NOT_ALLOWED -> "error.badRequest";
          case CONTENT_TOO_LARGE -> "error.tooLarge";
          default -> "error.unexpected";
        };
    String detail = messages.getMessage(key, null, key, locale);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
      body.setTitle(status.getReasonPhrase());
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(body);
    }
    ModelAndView page = new ModelAndView("platform/error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("detail", detail);
    page.addObject("problems", java.util.List.of());
    return page;
  }
}
