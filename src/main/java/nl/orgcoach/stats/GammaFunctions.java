package nl.orgcoach.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The special functions behind the p-values and posterior probabilities of this package: log gamma
 * (Lanczos approximation in the form of Press et al., <i>Numerical Recipes</i>, 3rd ed. 2007, §6.1,
 * good to about 1e-15), the regularised incomplete gamma functions (series and Lentz's continued
 * fraction, §6.2), the regularised incomplete beta function (continued fraction, §6.4) and
 * Gauss–Legendre quadrature (§4.6). Written here so the package needs no numerics library.
 */
final class GammaFunctions {

  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 10_000;

  private static final double[] LANCZOS = {
    57.1562356658629235,
    -59.5979603554754912,
    14.1360979747417471,
    -0.491913816097620199,
    .339946499848118887e-4,
    .465236289270485756e-4,
    -.983744753048795646e-4,
    .158088703224912494e-3,
    -.210264441724104883e-3,
    .217439618115212643e-3,
    -.164318106536763890e-3,
    .844182239838527433e-4,
    -.261908384015814087e-4,
    .368991826595316234e-5
  };

  private static final ConcurrentHashMap<Integer, double[][]> GAUSS_LEGENDRE =
      new ConcurrentHashMap<>();

  private GammaFunctions() {}

  /** ln Γ(x) for x &gt; 0. */
  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    double y = x;
    double tmp = x + 5.24218750000000000;
    tmp = (x + 0.5) * Math.log(tmp) - tmp;
    double ser = 0.999999999999997092;
    for (double c : LANCZOS) {
      ser += c / ++y;
    }
    return tmp + Math.log(2.5066282746310005 * ser / x);
  }

  /** ln B(a, b). */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /** Q(a, x) = Γ(a, x)/Γ(a), the regularised upper incomplete gamma function. */
  static double regularisedGammaQ(double a, double x) {
    if (!(a > 0) || x < 0 || Double.isNaN(x)) {
      throw new IllegalArgumentException("Q(a, x) needs a > 0 and x >= 0");
    }
    if (x == 0) {
      return 1.0;
    }
    if (Double.isInfinite(x)) {
      return 0.0;
    }
    return x < a + 1 ? 1.0 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
  }

  /** P(a, x) = γ(a, x)/Γ(a), the regularised lower incomplete gamma function. */
  static double regularisedGammaP(double a, double x) {
    if (!(a > 0) || x < 0 || Double.isNaN(x)) {
      throw new IllegalArgumentException("P(a, x) needs a > 0 and x >= 0");
    }
    if (x == 0) {
      return 0.0;
    }
    if (Double.isInfinite(x)) {
      return 1.0;
    }
    return x < a + 1 ? gammaSeries(a, x) : 1.0 - gammaContinuedFraction(a, x);
  }

  private static double gammaSeries(double a, double x) {
    double ap = a;
    double del = 1.0 / a;
    double sum = del;
    for (int n = 0; n < MAX_ITERATIONS; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) {
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
      }
    }
    throw new ArithmeticException("incomplete gamma series did not converge");
  }

  private static double gammaContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
      }
    }
    throw new ArithmeticException("incomplete gamma continued fraction did not converge");
  }

  /** I_x(a, b), the regularised incomplete beta function (the Beta(a, b) distribution function). */
  static double regularisedBeta(double x, double a, double b) {
    if (!(a > 0) || !(b > 0) || Double.isNaN(x)) {
      throw new IllegalArgumentException("I_x(a, b) needs a, b > 0");
    }
    if (x <= 0) {
      return 0.0;
    }
    if (x >= 1) {
      return 1.0;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaContinuedFraction(x, a, b) / a;
    }
    return 1.0 - front * betaContinuedFraction(1 - x, b, a) / b;
  }

  private static double betaContinuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta continued fraction did not converge");
  }

  /**
   * Nodes and weights of the m-point Gauss–Legendre rule on [−1, 1] (exact for polynomials of
   * degree up to 2m − 1), as {nodes, weights}; computed once per m by Newton's method.
   */
  static double[][] gaussLegendre(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("m must be positive");
    }
    return GAUSS_LEGENDRE.computeIfAbsent(m, GammaFunctions::computeGaussLegendre);
  }

  private static double[][] computeGaussLegendre(int m) {
    double[] x = new double[m];
    double[] w = new double[m];
    int half = (m + 1) / 2;
    for (int i = 0; i < half; i++) {
      double z = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
      double pp;
      double z1;
      do {
        double p1 = 1;
        double p2 = 0;
        for (int j = 0; j < m; j++) {
          double p3 = p2;
          p2 = p1;
          p1 = ((2.0 * j + 1) * z * p2 - j * p3) / (j + 1);
        }
        pp = m * (z * p1 - p2) / (z * z - 1);
        z1 = z;
        z = z1 - p1 / pp;
      } while (Math.abs(z - z1) > 1e-15);
      x[i] = -z;
      x[m - 1 - i] = z;
      w[i] = 2 / ((1 - z * z) * pp * pp);
      w[m - 1 - i] = w[i];
    }
    return new double[][] {x, w};
  }
}
