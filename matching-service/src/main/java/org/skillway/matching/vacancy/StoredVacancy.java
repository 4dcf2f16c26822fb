package org.skillway.matching.vacancy;

import org.skillway.events.VacancyData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("vacancies")
public record StoredVacancy(@Id String id, long version, VacancyData vacancy) {}
