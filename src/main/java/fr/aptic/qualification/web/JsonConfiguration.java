package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads JSON with the contract's types as sent: a number or a boolean where text is expected ({@code "siret":
 * 73282932000074}) is refused with the field's name, like text where a number is expected (which
 * {@code spring.jackson.mapper.allow-coercion-of-scalars=false} already refuses). A request body is one JSON
 * value: {@code {} {}} is refused rather than read as its first half (only for bodies read by Spring MVC; code
 * that streams several values from one parser, like network batches, keeps the shared mapper's behaviour).
 */
@Configuration
public class JsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter wholeBodyJsonConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(
                objectMapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictTextCoercion() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
