package io.switchboard.routing.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.routing.dispatch.JsonColumns;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** Skill → level, as a JSON object. */
@Converter
public class SkillsConverter implements AttributeConverter<Map<String, Integer>, String> {

    private static final TypeReference<TreeMap<String, Integer>> TYPE = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(Map<String, Integer> skills) {
        return JsonColumns.write(new TreeMap<>(skills));
    }

    @Override
    public Map<String, Integer> convertToEntityAttribute(String json) {
        return JsonColumns.read(json, TYPE);
    }
}
