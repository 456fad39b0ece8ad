package io.switchboard.routing.queue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.routing.dispatch.JsonColumns;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Required skill names, as a JSON array. */
@Converter
public class SkillListConverter implements AttributeConverter<List<String>, String> {

    private static final TypeReference<List<String>> TYPE = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(List<String> skills) {
        return JsonColumns.write(skills);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return JsonColumns.read(json, TYPE);
    }
}
