package nl.orgcoach.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a test method a fresh {@link Browser} pointed at the application's random port, closes it
 * after the test, and on failure keeps a screenshot and the page source under {@code
 * target/screenshots/} (before the browser is closed, so they show what the test saw).
 */
class BrowserExtension
    implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
    BrowserSettings settings =
        context
            .getTestMethod()
            .map(m -> m.getAnnotation(BrowserSettings.class))
            .or(() -> context.getTestClass().map(c -> c.getAnnotation(BrowserSettings.class)))
            .orElse(null);
    String port =
        SpringExtension.getApplicationContext(context)
            .getEnvironment()
            .getRequiredProperty("local.server.port");
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    Browser browser = Browser.launch("http://localhost:" + port, name, settings);
    context.getStore(NS).put(Browser.class, browser);
    return browser;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    browser(context).ifPresent(Browser::keepEvidenceOfFailure);
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    browser(context).ifPresent(Browser::close);
    context.getStore(NS).remove(Browser.class);
  }

  private static Optional<Browser> browser(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NS).get(Browser.class, Browser.class));
  }
}
