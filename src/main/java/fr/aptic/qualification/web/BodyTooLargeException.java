package fr.aptic.qualification.web;

import java.io.IOException;

/** The request body passed the size the endpoint accepts; answered with 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("Corps de requête trop volumineux (maximum " + (limit / 1024) + " Kio)");
    }
}
