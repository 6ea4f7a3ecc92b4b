<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "429"); %>
<%@ include file="_top.jspf" %>
<h1>${en ? 'Too many requests' : '요청이 너무 많습니다'}</h1>
<c:set var="message" value="${requestScope['jakarta.servlet.error.message']}"/>
<c:if test="${not empty message}"><p class="error-detail"><c:out value="${message}"/></p></c:if>
<p class="error-code">429</p>
<%@ include file="_bottom.jspf" %>
