package io.huracan.domain.retraining;

/**
 * Ordinary least squares with ridge regularisation, solved by a numeric library behind this interface (the domain
 * depends on the JDK only): the {@code beta} minimising {@code |X beta - y|^2 + lambda |beta|^2}. The caller centres
 * and scales the columns, so no intercept is fitted here. Implementations are thread-safe.
 */
public interface RidgeRegression {

    /**
     * @param design  the rows of X, row-major: {@code design[r * columns + c]}
     * @param rows    rows of X and entries of y
     * @param columns columns of X
     * @param target  y
     * @param lambda  the ridge penalty, >= 0
     * @return beta, one coefficient per column
     */
    double[] solve(double[] design, int rows, int columns, double[] target, double lambda);
}
