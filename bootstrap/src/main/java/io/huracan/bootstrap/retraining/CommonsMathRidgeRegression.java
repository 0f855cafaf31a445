package io.huracan.bootstrap.retraining;

import io.huracan.domain.retraining.RidgeRegression;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Ridge least squares with Apache commons-math3: the normal equations {@code (X'X + lambda I) beta = X'y} solved by a
 * Cholesky decomposition, which is fast for many rows and few columns; when {@code X'X + lambda I} is not positive
 * definite enough for Cholesky (lambda 0 with collinear columns) it falls back to a rank-revealing QR least-squares
 * solve of X alone.
 */
public final class CommonsMathRidgeRegression implements RidgeRegression {

    @Override
    public double[] solve(double[] design, int rows, int columns, double[] target, double lambda) {
        if (design.length != rows * columns || target.length != rows) {
            throw new IllegalArgumentException("ridge regression over " + rows + " x " + columns + " needs " + rows * columns
                    + " design values and " + rows + " targets; got " + design.length + " and " + target.length);
        }
        double[][] gram = new double[columns][columns];
        double[] moment = new double[columns];
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            for (int i = 0; i < columns; i++) {
                double xi = design[offset + i];
                moment[i] += xi * target[r];
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += xi * design[offset + j];
                }
            }
        }
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < i; j++) {
                gram[j][i] = gram[i][j];
            }
            gram[i][i] += lambda;
        }
        RealMatrix normal = new Array2DRowRealMatrix(gram, false);
        RealVector rhs = new ArrayRealVector(moment, false);
        try {
            return new CholeskyDecomposition(normal).getSolver().solve(rhs).toArray();
        } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException
                 | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            double[][] x = new double[rows][columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(design, r * columns, x[r], 0, columns);
            }
            return new QRDecomposition(new Array2DRowRealMatrix(x, false), 1e-12).getSolver()
                    .solve(new ArrayRealVector(target, false)).toArray();
        }
    }
}
