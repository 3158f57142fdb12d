package dev.mixdojo.base;

import java.util.function.Supplier;

/** Values made when first asked for. */
public final class Lazily {
    private Lazily() {
    }

    /** A supplier that makes its value on the first call (from one thread) and gives the same value after. */
    public static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }
}
