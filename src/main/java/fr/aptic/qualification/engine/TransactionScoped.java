package fr.aptic.qualification.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value bound to the current Spring transaction: created on first use, optionally handed to a callback just
 * before the transaction commits, and dropped when it completes, whether it commits or rolls back. Outside a
 * transaction there is none.
 */
public final class TransactionScoped<T> {

    private final Supplier<T> factory;
    private final Consumer<T> beforeCommit;
    private final Object key = new Object();

    private TransactionScoped(Supplier<T> factory, Consumer<T> beforeCommit) {
        this.factory = factory;
        this.beforeCommit = beforeCommit;
    }

    /** A value made by {@code factory} for each transaction that asks for one. */
    public static <T> TransactionScoped<T> of(Supplier<T> factory) {
        return new TransactionScoped<>(factory, value -> {});
    }

    /** A value made by {@code factory} for each transaction that asks for one, handed to {@code beforeCommit}. */
    public static <T> TransactionScoped<T> of(Supplier<T> factory, Consumer<T> beforeCommit) {
        return new TransactionScoped<>(factory, beforeCommit);
    }

    /** The current transaction's value, made now if it has none yet; null outside a transaction. */
    public T get() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T value = peek();
        if (value == null) {
            T created = factory.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = created;
        }
        return value;
    }

    /** The current transaction's value if it was made; null otherwise. */
    @SuppressWarnings("unchecked")
    public T peek() {
        return (T) TransactionSynchronizationManager.getResource(key);
    }
}
