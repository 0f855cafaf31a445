package io.huracan.ports.exchange;

/**
 * Receives every order state change and every funding payment of a gateway, in the order they happened. Called
 * on the gateway's thread; an implementation hands the value on (to the EXECUTIONS stream) and returns quickly.
 */
public interface ExecutionListener {

    void onExecution(ExecutionReport report);

    /** A funding payment on a perpetual position; the default ignores it. */
    default void onFunding(FundingPayment payment) {
    }
}
