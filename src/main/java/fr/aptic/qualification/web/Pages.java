package fr.aptic.qualification.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of web pages (Thymeleaf, in French): its refusals are shown as the French error page
 * ({@link PageErrors}) instead of the API's JSON problem, whichever room it lives in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Pages {}
