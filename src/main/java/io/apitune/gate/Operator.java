package io.apitune.gate;

/** The comparison operators of the gate language. */
public enum Operator {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("==");

    /** Relative tolerance of {@code ==}, so 0.1 + 0.2 == 0.3 holds. */
    private static final double EQUAL_TOLERANCE = 1e-9;

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator written as {@code symbol}, or null */
    static Operator ofSymbol(String symbol) {
        for (Operator c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }

    /** True when {@code measured OP limit} holds; false for NaN on either side. */
    public boolean holds(double measured, double limit) {
        if (Double.isNaN(measured) || Double.isNaN(limit)) {
            return false;
        }
        return switch (this) {
            case LESS -> measured < limit;
            case LESS_OR_EQUAL -> measured <= limit;
            case GREATER -> measured > limit;
            case GREATER_OR_EQUAL -> measured >= limit;
            case EQUAL -> Math.abs(measured - limit)
                    <= EQUAL_TOLERANCE * Math.max(1.0, Math.max(Math.abs(measured), Math.abs(limit)));
        };
    }
}
