/** Demo users for the demo profile (what ./mvnw spring-boot:run starts); nothing here runs in production. */
package fr.aptic.qualification.demo;
