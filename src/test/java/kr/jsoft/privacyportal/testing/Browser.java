package kr.jsoft.privacyportal.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for one test class: Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver}, headless, with a fresh profile per language. Both paths are set
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or a driver.
 *
 * <pre>{@code
 * @RegisterExtension static Browser browser = new Browser();
 * browser.use(Browser.View.PHONE_KO).open(portal.url("/ko/policy"));
 * browser.screenshot("policy");
 * browser.assertAccessible();
 * }</pre>
 *
 * <p>Where Chromium or its driver is missing, the class is skipped with a message so that
 * {@code ./mvnw verify} still works with only a JDK; with {@code CI=true} in the environment it
 * fails instead, so CI can never pass without having run these tests.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The widths every journey is walked at: a small phone and a desktop. */
    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;
    /** WCAG 2.1 level AA, as axe-core names its rule tags. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final int VIEWPORT_HEIGHT = 900;
    /**
     * Selenium warns on every start that it has no DevTools binding for this Chromium version;
     * the tests use only WebDriver and raw CDP commands, which need none. Held here so the
     * logger (and its level) is not garbage-collected.
     */
    private static final java.util.logging.Logger CDP_VERSION_FINDER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(java.util.logging.Level.SEVERE);
    }

    /** One way of looking at a page: a window width and the visitor's language ({@code ko} or {@code en}). */
    public record View(int width, String lang) {
        public static final View PHONE_KO = new View(PHONE, "ko");
        public static final View PHONE_EN = new View(PHONE, "en");
        public static final View DESKTOP_KO = new View(DESKTOP, "ko");
        public static final View DESKTOP_EN = new View(DESKTOP, "en");

        /** Every combination: for {@code @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")}. */
        public static List<View> all() {
            return List.of(PHONE_KO, DESKTOP_KO, PHONE_EN, DESKTOP_EN);
        }

        @Override
        public String toString() {
            return lang + "-" + width;
        }
    }

    /** Every view, as a JUnit {@code @MethodSource}. */
    public static Stream<View> views() {
        return View.all().stream();
    }

    private final Map<String, ChromeDriver> drivers = new HashMap<>();
    private final List<Path> profiles = new ArrayList<>();
    private String testClass = "browser";
    private View view = View.DESKTOP_KO;

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (onCi()) {
            // Run, so beforeAll fails loudly: CI must never pass by skipping the browser.
            return ConditionEvaluationResult.enabled("CI=true: a missing browser is a failure");
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is not installed (apt-get install chromium chromium-driver fonts-noto-cjk; CI=true makes this a failure)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!installed()) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: .ci/run must apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        testClass = context.getRequiredTestClass().getSimpleName();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        drivers.values().forEach(ChromeDriver::quit);
        drivers.clear();
        profiles.forEach(Browser::deleteQuietly);
        profiles.clear();
    }

    /** Looks at the next pages with this width and language; returns this browser. */
    public Browser use(View view) {
        this.view = view;
        driver().manage().window().setSize(new Dimension(view.width(), VIEWPORT_HEIGHT));
        return this;
    }

    public View view() {
        return view;
    }

    /** The driver for the current language (started on first use). */
    public ChromeDriver driver() {
        return drivers.computeIfAbsent(view.lang(), this::start);
    }

    public Browser open(String url) {
        driver().get(url);
        return this;
    }

    public String title() {
        return driver().getTitle();
    }

    /** The page's text as the person sees it (hidden elements excluded). */
    public String text() {
        return driver().findElement(By.tagName("body")).getText();
    }

    public WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    /** Types into the field with this {@code name} (replacing what was there). */
    public Browser type(String name, String value) {
        WebElement field = driver().findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /**
     * Clicks a link or submit button and waits until the next page has replaced this one and
     * loaded (the old element gone stale, then the new document complete).
     */
    public Browser click(String css) {
        WebElement element = find(css);
        element.click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> isGone(element));
        waitForLoad();
        return this;
    }

    /**
     * Clicks a button that must not leave the page (e.g. a submit the browser refuses because a required
     * field is empty).
     */
    public Browser clickStaying(String css) {
        find(css).click();
        return this;
    }

    /** True once the element's document was replaced (some ChromeDriver versions say so in other words). */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public void waitForLoad() {
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d ->
                "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    /** The element's computed CSS property (e.g. {@code font-size}). */
    public String css(String selector, String property) {
        return find(selector).getCssValue(property);
    }

    /** Whether the page is wider than the window (a horizontal scroll bar at this width). */
    public boolean scrollsSideways() {
        Object result = driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return Boolean.TRUE.equals(result);
    }

    /**
     * Saves the whole page (not only the window) as
     * {@code target/screenshots/<TestClass>/<name>-<lang>-<width>.png} and returns the file.
     */
    public Path screenshot(String name) {
        ChromeDriver driver = driver();
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.max(view.width(), ((Number) content.get("width")).doubleValue());
        double height = Math.max(1, ((Number) content.get("height")).doubleValue());
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = Path.of("target", "screenshots", testClass,
                name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + view + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** axe-core's WCAG 2.1 AA violations on the current page, described for a failure message (empty: none). */
    public List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver());
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not analyse " + driver().getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String nodes = rule.getNodes().stream()
                    .map(node -> node.getTarget() + " " + node.getFailureSummary())
                    .collect(Collectors.joining("; "));
            found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " -- " + nodes);
        }
        return found;
    }

    /** Fails with axe-core's findings unless the current page has no WCAG 2.1 AA violation. */
    public void assertAccessible() {
        List<String> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core WCAG 2.1 AA violations on " + driver().getCurrentUrl() + " (" + view
                    + "):\n  " + String.join("\n  ", violations));
        }
    }

    private ChromeDriver start(String lang) {
        // The driver's path as a system property too, for any code that looks there first.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--lang=" + lang,
                "--window-size=" + view.width() + "," + VIEWPORT_HEIGHT);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(view.width(), VIEWPORT_HEIGHT));
        return driver;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile left in /tmp is harmless; the next run makes a fresh one.
        }
    }

    @Override
    public String toString() {
        return "Chromium " + view.toString().toUpperCase(Locale.ROOT);
    }
}
