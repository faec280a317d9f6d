package fr.aptic.qualification.security;

import org.springframework.security.authentication.LockedException;

/** A login refused because the engine locks the user for now (or for good): answered 429. */
class LoginThrottledException extends LockedException {

    private final transient LoginThrottle.Lock lock;

    LoginThrottledException(LoginThrottle.Lock lock) {
        super(lock.message());
        this.lock = lock;
    }

    LoginThrottle.Lock lock() {
        return lock;
    }
}
