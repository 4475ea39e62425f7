package nl.orgcoach.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where exceptions become answers: RFC 9457 problem details under {@code /api}, an
 * error page elsewhere. Messages are localised; stack traces only go to the log. It runs before
 * Boot's own problem-details advice, which would otherwise answer Spring MVC's exceptions (an
 * unreadable body, a wrong method) in English and without the fields that were wrong.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  private final MessageSource messages;

  ErrorHandling(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(UserError.class)
  Object userError(UserError e, HttpServletRequest request, Locale locale) {
    String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    List<Map<String, Object>> problems =
        e.details().stream().map(p -> describe(p, locale)).toList();
    return answer(request, HttpStatus.UNPROCESSABLE_ENTITY, detail, problems);
  }

  @ExceptionHandler(NotFoundException.class)
  Object notFound(NotFoundException e, HttpServletRequest request, Locale locale) {
    return answer(request, HttpStatus.NOT_FOUND, text("error.notFound", locale), List.of());
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
  Object denied(RuntimeException e, HttpServletRequest request, Locale locale) {
    return answer(request, HttpStatus.FORBIDDEN, text("error.forbidden", locale), List.of());
  }

  /**
   * A JSON body that is well-formed but holds a value of the wrong kind in a field (an unknown
   * choice, a date that is no date, text where a number belongs) is the user's input error: 422
   * naming the field and what it takes, like every other bad input. Anything else unreadable stays
   * a plain 400.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, Locale locale) {
    if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      UserError.Problem p = JsonFieldProblems.of(m);
      return answer(
          request,
          HttpStatus.UNPROCESSABLE_ENTITY,
          text("error.invalidInput", locale),
          List.of(describe(p, locale)));
    }
    return badRequest(e, request, locale);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    BindException.class,
    IllegalArgumentException.class
  })
  Object badRequest(Exception e, HttpServletRequest request, Locale locale) {
    log.debug("Bad request to {}: {}", request.getRequestURI(), e.getMessage());
    return answer(request, HttpStatus.BAD_REQUEST, text("error.badRequest", locale), List.of());
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
  Object tooLarge(Exception e, HttpServletRequest request, Locale locale) {
    return answer(request, HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge", locale), List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(Exception e, HttpServletRequest request, Locale locale) {
    return answer(
        request, HttpStatus.METHOD_NOT_ALLOWED, text("error.badRequest", locale), List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(Exception e, HttpServletRequest request, Locale locale) {
    return answer(
        request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.badRequest", locale), List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noResource(Exception e, HttpServletRequest request, Locale locale) {
    return answer(request, HttpStatus.NOT_FOUND, text("error.notFound", locale), List.of());
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(
      Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return answer(
        request, HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected", locale), List.of());
  }

  private Object answer(
      HttpServletRequest request,
      HttpStatus status,
      String detail,
      List<Map<String, Object>> problems) {
    if (wantsProblemDetail(request)) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
      body.setTitle(status.getReasonPhrase());
      if (!problems.isEmpty()) {
        body.setProperty("errors", problems);
      }
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(body);
    }
    ModelAndView page =
        new ModelAndView(isHtmx(request) ? "platform/error :: message" : "platform/error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("detail", detail);
    page.addObject("problems", problems);
    return page;
  }

  private Map<String, Object> describe(UserError.Problem p, Locale locale) {
    String message =
        messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
    var map = new java.util.LinkedHashMap<String, Object>();
    if (p.line() != null) {
      map.put("line", p.line());
    }
    if (p.field() != null) {
      map.put("field", p.field());
    }
    map.put("code", p.messageKey());
    map.put("message", message);
    return map;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  static boolean wantsProblemDetail(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/");
  }

  static boolean isHtmx(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"));
  }
}
