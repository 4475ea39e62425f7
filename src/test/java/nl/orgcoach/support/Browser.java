package nl.orgcoach.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by the Debian chromedriver. Both executables are passed
 * explicitly, so Selenium Manager never runs and nothing is downloaded; Chromium's own background
 * traffic (updates, sync, field trials) is switched off. A missing Chromium fails the test rather
 * than skipping it: browser tests that silently do not run are worse than none.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM =
      System.getProperty("orgcoach.test.chromium", "/usr/bin/chromium");
  public static final String CHROMEDRIVER =
      System.getProperty("orgcoach.test.chromedriver", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final String baseUrl;
  private final String name;
  private final WebDriver driver;
  private final Path profile;
  private int steps;

  private Browser(String baseUrl, String name, WebDriver driver, Path profile) {
    this.baseUrl = baseUrl;
    this.name = name;
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser for the test {@code name} (used in screenshot file names). */
  public static Browser launch(String baseUrl, String name, BrowserSettings settings) {
    String lang = settings == null ? "en" : settings.lang();
    boolean phone = settings != null && settings.phone();
    int width = phone ? BrowserSettings.PHONE_WIDTH : settings == null ? 1280 : settings.width();
    int height = phone ? BrowserSettings.PHONE_HEIGHT : settings == null ? 900 : settings.height();
    boolean mobile = phone || settings != null && settings.mobile();
    for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(exe))) {
        throw new IllegalStateException(
            exe
                + " is missing: install the Debian packages chromium and chromium-driver (.ci/run does)");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("orgcoach-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-features=Translate,OptimizationHints,MediaRouter",
        "--password-store=basic",
        "--user-data-dir=" + profile,
        "--lang=" + lang,
        "--window-size=" + width + "," + height);
    Map<String, Object> prefs = new LinkedHashMap<>();
    prefs.put("intl.accept_languages", lang);
    prefs.put("credentials_enable_service", false);
    options.setExperimentalOption("prefs", prefs);
    // Keeps the console, so a test can check that nothing broke the Content-Security-Policy.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    if (mobile) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width",
                  width,
                  "height",
                  height,
                  "pixelRatio",
                  2.0,
                  "mobile",
                  true,
                  "touch",
                  true),
              "userAgent",
              "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  + "Chrome/156.0.0.0 Mobile Safari/537.36"));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(baseUrl, name, driver, profile);
  }

  /** Where screenshots go: {@code screenshots/} in the build directory (target/ by default). */
  public static Path screenshotDir() {
    try {
      Path testClasses =
          Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = testClasses.getParent().resolve("screenshots");
      Files.createDirectories(dir);
      return dir;
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("No place for screenshots", e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Opens a path of the application, e.g. {@code /login}. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** The current path (and query) within the application. */
  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
  }

  /** Logs in through the login form and waits until the browser has left the login page. */
  public Browser login(String email, String password) {
    open("/login");
    submitLogin(email, password);
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "still on the login page after logging in as " + email + ": " + path())
        .until(d -> !path().startsWith("/login"));
    return this;
  }

  /** Fills and submits the login form on the current page, without waiting for the outcome. */
  public Browser submitLogin(String email, String password) {
    WebElement mail = waitFor(By.id("email"));
    mail.clear();
    mail.sendKeys(email);
    WebElement pass = driver.findElement(By.id("password"));
    pass.clear();
    pass.sendKeys(password);
    pass.submit();
    return this;
  }

  public static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  /** Waits until an element with this {@code data-testid} is visible. */
  public WebElement byTestId(String id) {
    return waitFor(testId(id));
  }

  public List<WebElement> allByTestId(String id) {
    return driver.findElements(testId(id));
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> "waited for " + by + " on " + path())
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public <T> T waitUntil(String what, java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> what + " on " + path())
        .until(condition);
  }

  public <T> T waitUntil(
      String what, Duration timeout, java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout)
        .withMessage(() -> what + " on " + path())
        .until(condition);
  }

  /** Saves {@code screenshots/<test>-<nn>-<step>.png} and answers its path; the files are kept. */
  /**
   * The width of the whole page, scrolled or not ({@code document.documentElement.scrollWidth}).
   */
  public int pageWidth() {
    return ((Number)
            ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth"))
        .intValue();
  }

  /** The page does not scroll sideways on a phone ({@link BrowserSettings#phone()}). */
  public Browser assertFitsAPhone() {
    org.assertj.core.api.Assertions.assertThat(pageWidth())
        .as("no sideways scrolling of the page on a phone")
        .isLessThanOrEqualTo(BrowserSettings.PHONE_WIDTH);
    return this;
  }

  /** Clicks by script: emulated phones sometimes report a visible element as covered. */
  public void clickByScript(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
  }

  public Path screenshot(String step) {
    steps++;
    return saveScreenshot(String.format("%s-%02d-%s", name, steps, step));
  }

  /** Called by {@link BrowserExtension} when the test failed: a screenshot and the page source. */
  void keepEvidenceOfFailure() {
    try {
      saveScreenshot(name + "-FAILED");
      Files.writeString(
          screenshotDir().resolve(name + "-FAILED.html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      // The failure itself matters more than the evidence; say why there is none.
      System.err.println("Could not keep the failure's screenshot for " + name + ": " + e);
    }
  }

  private Path saveScreenshot(String fileName) {
    Path target = screenshotDir().resolve(fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
    File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary profile left behind is harmless.
      }
    }
  }
}
