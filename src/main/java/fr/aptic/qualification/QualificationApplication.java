package fr.aptic.qualification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the #APTIC qualification engine: the Camunda engine, its webapps and the public API. */
@SpringBootApplication
public class QualificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualificationApplication.class, args);
    }
}
