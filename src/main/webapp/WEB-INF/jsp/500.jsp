<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "500"); %>
<%@ include file="_top.jspf" %>
<h1><fmt:message key="error.500.title" bundle="${errors}"/></h1>
<p><fmt:message key="error.500.body" bundle="${errors}"/></p>
<c:set var="incident" value="${requestScope['incidentId']}"/>
<p class="error-detail"><fmt:message key="error.500.incident" bundle="${errors}"/>: <code><c:choose><c:when test="${empty incident}"><fmt:message key="error.500.unrecorded" bundle="${errors}"/></c:when><c:otherwise><c:out value="${incident}"/></c:otherwise></c:choose></code></p>
<p class="error-code"><fmt:message key="error.code" bundle="${errors}"><fmt:param value="500"/></fmt:message></p>
<%@ include file="_bottom.jspf" %>
