/**
 * Statistics: the analytics of {@code METHODS.md}, each a known method, cited in its class's
 * Javadoc, and tested against the reference vectors of {@code METHODS.md} (computed by independent
 * implementations: SciPy, statsmodels, R) to a relative tolerance of about 1e-7. Every result
 * carries its uncertainty (a probability, an interval, a standard error) so that the modules that
 * show it never show a bare verdict.
 *
 * <p>Pure Java 17: no Spring, no I/O, no dependency on any other module. Callers map their own rows
 * into the plain records of this package and get plain records back. Special functions (log gamma,
 * the regularised incomplete gamma and beta functions, Gauss–Legendre quadrature) are implemented
 * here rather than taken from a library, so that every figure is traceable to code in this package
 * and its tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package nl.orgcoach.stats;
